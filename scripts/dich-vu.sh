# Sourced by scripts/test and .ci/run: installs and starts what the tests need besides Rust.
#   - poppler-utils: the merge tests read PDFs back with pdftotext (and pdffonts);
#   - LibreOffice Writer (Debian's libreoffice-writer-nogui): the DOCX tests
#     (crates/vanban-docx/tests/libreoffice.rs) convert each DOCX to PDF headless and measure
#     it against the decree (VANBAN_KHONG_LIBREOFFICE=1 skips them where it cannot be had);
#   - a PostgreSQL server: the register's tests (crates/vanban-so) run on PostgreSQL as well
#     as SQLite, and read its address from VANBAN_POSTGRES_URL (crates/vanban-so/POSTGRES.md).
# On Debian as root, what is missing is installed with apt and Debian's cluster is started on
# its Unix socket, with a role `root` and a database `vanban_test`. Elsewhere, install them
# yourself and set VANBAN_POSTGRES_URL before running the tests.

vanban_apt() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "dich-vu: cần cài $* (needs $*: install it, or run as root on Debian)" >&2
    return 0
  fi
  if [ -z "${VANBAN_APT_UPDATED:-}" ]; then
    apt-get update -q
    VANBAN_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

command -v pdftotext >/dev/null || vanban_apt poppler-utils
command -v soffice >/dev/null || vanban_apt libreoffice-writer-nogui

if [ -z "${VANBAN_POSTGRES_URL:-}" ]; then
  # The server, not only the client some machines have.
  compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || vanban_apt postgresql
  if compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null && [ "$(id -u)" -eq 0 ]; then
    pg_version="$(basename "$(dirname "$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1)")")")"
    pg_lsclusters -h | grep -q "^$pg_version main" || pg_createcluster "$pg_version" main
    pg_lsclusters -h | grep -q "^$pg_version main .* online" || pg_ctlcluster "$pg_version" main start
    vanban_psql() { su postgres -c "psql -v ON_ERROR_STOP=1 -tAq $*"; }
    [ "$(vanban_psql "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'root'\"")" = 1 ] \
      || vanban_psql "-c \"CREATE ROLE root SUPERUSER LOGIN\""
    [ "$(vanban_psql "-c \"SELECT 1 FROM pg_database WHERE datname = 'vanban_test'\"")" = 1 ] \
      || su postgres -c "createdb -O root vanban_test"
    export VANBAN_POSTGRES_URL='postgres://root@%2Fvar%2Frun%2Fpostgresql/vanban_test'
  fi
fi
