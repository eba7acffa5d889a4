//! The Typst standard library the templates are compiled with: all of it but the symbols.
//!
//! Typst hashes the whole library once per process, at the first compile, and most of that
//! work was its thousands of symbols: the modules `sym` and `emoji`, and math mode's copy
//! of `sym`, each reachable three ways (the global scope, `math`, `std`). The templates use
//! no symbol and no math, and a document cannot reach either: its text reaches the
//! templates only as data. Left out, the first compile of a process has that much less to
//! hash (README, Performance); what is laid out is the same.

use std::hash::Hash;
use std::sync::OnceLock;

use typst::foundations::{Binding, Module, Scope, Value};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};

/// The global names left out: the symbol modules.
const SYMBOL_MODULES: [&str; 2] = ["sym", "emoji"];

/// The library every renderer of this process compiles with, built and hashed once.
static SHARED: OnceLock<LazyHash<Library>> = OnceLock::new();

/// [`library`], once per process: the same for every renderer, and hashed (which Typst does
/// at the first compile) only once.
pub(crate) fn shared() -> &'static LazyHash<Library> {
    SHARED.get_or_init(|| LazyHash::new(library()))
}

/// [`shared`], built and hashed now unless it is already.
pub(crate) fn prepare() {
    // Hashing a `LazyHash` into any hasher computes and keeps its own hash.
    shared().hash(&mut std::hash::DefaultHasher::new());
}

/// The standard library without its symbols.
pub(crate) fn library() -> Library {
    let mut library = Library::default();
    let math = without(&library.math, |_, value| matches!(value, Value::Symbol(_)));
    let mut global = without(&library.global, |name, _| SYMBOL_MODULES.contains(&name));
    global.scope_mut().bind("math".into(), Binding::detached(math.clone()));
    library.math = math;
    library.std = Binding::detached(global.clone());
    library.global = global;
    library
}

/// `module` without the bindings `drop` names.
fn without(module: &Module, drop: impl Fn(&str, &Value) -> bool) -> Module {
    let mut scope = Scope::new();
    for (name, binding) in module.scope().iter() {
        if !drop(name, binding.read()) {
            scope.bind(name.clone(), binding.clone());
        }
    }
    module.clone().with_scope(scope)
}

#[cfg(test)]
mod tests {
    use typst::LibraryExt;
    use typst::foundations::Value;

    use super::{SYMBOL_MODULES, library};

    #[test]
    fn the_symbols_are_left_out_and_everything_else_kept() {
        let full = typst::Library::default();
        let ours = library();
        let names =
            |l: &typst::Library| l.global.scope().iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>();
        let (full_names, our_names) = (names(&full), names(&ours));
        assert!(SYMBOL_MODULES.iter().all(|m| full_names.iter().any(|n| n == m)), "{full_names:?}");
        let kept: Vec<&String> =
            full_names.iter().filter(|n| !SYMBOL_MODULES.contains(&n.as_str())).collect();
        assert_eq!(our_names.iter().collect::<Vec<_>>(), kept);
        let symbols = |m: &typst::foundations::Module| {
            m.scope().iter().filter(|(_, b)| matches!(b.read(), Value::Symbol(_))).count()
        };
        assert!(symbols(&full.math) > 100, "math mode had its symbols");
        assert_eq!(symbols(&ours.math), 0);
        assert!(ours.math.scope().get("frac").is_some(), "math's functions stay");
        let Value::Module(math) = ours.global.scope().get("math").expect("math").read() else {
            panic!("math")
        };
        assert_eq!(symbols(math), 0);
        let Value::Module(std) = ours.std.read() else { panic!("std") };
        assert!(
            SYMBOL_MODULES.iter().all(|m| std.scope().get(m).is_none()) && std.scope().get("text").is_some()
        );
    }
}
