//! Electronic documents (nd30 §10; Phụ lục I II.7.d, II.8): the signer's signature image
//! centred between the title and the name, the seal at its real size over the image's left
//! third; and images taken only from the document's own directory.

use vanban_core::DangTep;
use vanban_render::RenderError;
use vanban_tests::*;

const DOC: &str = "tests/documents/ky-so/cong-van.toml";

#[test]
fn signature_between_title_and_name_and_seal_over_its_left_third() {
    let m = measure_file(DOC);
    let p = m.signature_page();
    let page = &m.pages[p];
    let [sig, seal] = page.images.as_slice() else { panic!("two images expected: {:?}", page.images) };
    let title = line_eq(page, "PHÓ CHỦ TỊCH").expect("the title's last line");
    let name = line_eq(page, "Nguyễn Văn A").expect("the name");

    // Its real size: 600 × 220 px at 300 dpi.
    assert!((to_mm(sig.width) - 50.8).abs() < 0.1 && (to_mm(sig.height) - 18.63).abs() < 0.1, "{sig:?}");
    // Centred on the signature block: the title's and the name's centre.
    let centre = sig.x + sig.width / 2.0;
    assert!((centre - title.center()).abs() < 1.0, "image centre {centre}, title centre {}", title.center());
    assert!((centre - name.center()).abs() < 1.0, "image centre {centre}, name centre {}", name.center());
    // Between the title's last line and the name: its middle within 2 mm of the middle of
    // the room from the title's descenders to the name's capitals.
    let room_top = title.y() + 0.216 * title.size();
    let room_bottom = name.y() - 0.7 * name.size();
    let middle = sig.y + sig.height / 2.0;
    assert!(
        (middle - (room_top + room_bottom) / 2.0).abs() < mm(2.0),
        "image middle {:.1} mm, room {:.1}–{:.1} mm",
        to_mm(middle),
        to_mm(room_top),
        to_mm(room_bottom)
    );

    // The seal: 36 mm (425 px at 300 dpi), laid over the signature (drawn after it), its
    // right edge one third into the signature image, centred on the image's height.
    assert!((to_mm(seal.width) - 36.0).abs() < 0.1 && (to_mm(seal.height) - 36.0).abs() < 0.1, "{seal:?}");
    let seal_right = seal.x + seal.width;
    assert!((seal_right - (sig.x + sig.width / 3.0)).abs() < 0.5, "seal right {seal_right}, sig {sig:?}");
    assert!(((seal.y + seal.height / 2.0) - middle).abs() < 0.5);
    // The rest of the page conforms as without images.
    let v = crate::nd30::check(&m);
    assert!(v.is_empty(), "- {}", v.join("\n- "));
}

/// The test document with its `[ky_so]` table replaced, laid out from its directory.
fn with_ky_so(table: &str) -> Result<Measured, RenderError> {
    let path = root().join(DOC);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = format!("{}{table}", &text[..text.find("[ky_so]").unwrap()]);
    let van_ban =
        vanban_core::parse(&text, DangTep::Toml).unwrap_or_else(|d| panic!("{}", d.display_with("x")));
    let layout = renderer().layout_in(&van_ban, path.parent().unwrap())?;
    Ok(Measured { pages: layout.pages(), layout, van_ban })
}

#[test]
fn a_seal_without_a_recorded_resolution_needs_its_diameter() {
    let e = with_ky_so("[ky_so]\nchu_ky = \"chu-ky.png\"\ndau = \"dau-khong-dpi.png\"\n").unwrap_err();
    assert!(e.to_string().contains("dau_mm"), "{e}");
    let m =
        with_ky_so("[ky_so]\nchu_ky = \"chu-ky.png\"\ndau = \"dau-khong-dpi.png\"\ndau_mm = 40\n").unwrap();
    let seal = &m.pages[m.signature_page()].images[1];
    assert!((to_mm(seal.width) - 40.0).abs() < 0.1, "{seal:?}");
}

#[test]
fn a_signature_alone_is_centred_and_no_seal_is_drawn() {
    let m = with_ky_so("[ky_so]\nchu_ky = \"chu-ky.png\"\n").unwrap();
    assert_eq!(m.pages[m.signature_page()].images.len(), 1);
}

#[test]
fn images_that_cannot_be_used_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let src = root().join("tests/documents/ky-so");
    std::fs::copy(src.join("chu-ky.png"), outside.path().join("chu-ky.png")).unwrap();
    std::fs::copy(src.join("nen-trang.png"), dir.path().join("nen-trang.png")).unwrap();
    std::fs::write(dir.path().join("gia.png"), b"GIF89a not a png").unwrap();
    std::os::unix::fs::symlink(outside.path().join("chu-ky.png"), dir.path().join("lien-ket.png")).unwrap();
    std::fs::create_dir(dir.path().join("thu-muc.png")).unwrap();
    let text = std::fs::read_to_string(root().join(DOC)).unwrap();
    let base = &text[..text.find("[ky_so]").unwrap()];
    for (image, reason) in [
        ("khong-co.png", "không tìm thấy"),
        ("lien-ket.png", "ra ngoài thư mục"),
        ("gia.png", "không phải ảnh PNG"),
        ("nen-trang.png", "nền trong suốt"),
        ("thu-muc.png", "không phải một tệp"),
    ] {
        let doc = format!("{base}[ky_so]\nchu_ky = \"{image}\"\n");
        let van_ban = vanban_core::parse(&doc, DangTep::Toml).unwrap();
        match renderer().layout_in(&van_ban, dir.path()) {
            Err(RenderError::Image { path, why, .. }) => {
                assert_eq!(path, image);
                assert!(why.contains(reason), "{image}: {why}");
            }
            other => panic!("{image}: {other:?}"),
        }
        // Without a directory nothing is read at all.
        assert!(matches!(renderer().layout(&van_ban), Err(RenderError::Image { .. })));
    }
    // Paths that leave the directory are refused before anything is read.
    for path in ["/etc/passwd.png", "../chu-ky.png", "a/../../chu-ky.png", "C:\\dau.png"] {
        let doc = format!("{base}[ky_so]\nchu_ky = '{path}'\n");
        let d = vanban_core::parse(&doc, DangTep::Toml).unwrap_err();
        assert_eq!(d.0[0].key.as_deref(), Some("ky_so.chu_ky"), "{path}");
    }
}
