#!/usr/bin/env bash
# Starts a throwaway MariaDB on a loopback port, for the cluster-read tests (VICIdial's database).
# Usage: eval "$(bash .ci/start-mariadb.sh)"
#   exports TEST_MARIADB_ADMIN_URL (an account that may create databases and users) and
#   TEST_MARIADB_DATA_DIR (stop with: bash .ci/stop-mariadb.sh "$TEST_MARIADB_DATA_DIR").
# Durability is switched off (no fsync, no doublewrite, no binary log): the data is thrown away.
set -euo pipefail
if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  echo "mariadbd not found: install it with \"apt-get install -y mariadb-server\"" >&2
  exit 1
fi
mariadbd="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
# First free port from 33069 up (a developer's own server may hold one).
port="${MARIADB_PORT_TEST:-33069}"
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
dir="$(mktemp -d /tmp/vicidash-mariadb.XXXXXX)"
data="$dir/data"
password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
user_opt=()
if [ "$(id -u)" = 0 ]; then
  # mariadbd refuses to run as root unless told to; run it as mysql as a packaged server does.
  id mysql >/dev/null 2>&1 || useradd --system --no-create-home mysql
  chown mysql "$dir"
  user_opt=(--user=mysql)
fi
mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$data" --auth-root-authentication-method=socket \
  --skip-test-db --skip-name-resolve >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
# The admin account is made at start-up, before the port opens, so it is there once we can connect.
cat >"$dir/init.sql" <<SQL
CREATE USER IF NOT EXISTS 'vicidash_admin'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'vicidash_admin'@'127.0.0.1' WITH GRANT OPTION;
SQL
[ "$(id -u)" = 0 ] && chown mysql "$dir/init.sql"
setsid "$mariadbd" --no-defaults "${user_opt[@]}" --datadir="$data" --pid-file="$data/mariadbd.pid" \
  --socket="$dir/mariadbd.sock" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
  --log-error="$dir/error.log" --init-file="$dir/init.sql" \
  --innodb-flush-log-at-trx-commit=0 --innodb-flush-method=nosync --innodb-doublewrite=0 \
  --innodb-buffer-pool-size=64M --skip-log-bin --sync-frm=0 --max-connections=300 \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
  --performance-schema=OFF </dev/null >/dev/null 2>&1 &
for _ in $(seq 1 300); do
  if mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$port" -u vicidash_admin -p"$password" -e "SELECT 1" >/dev/null 2>&1; then
    echo "export TEST_MARIADB_ADMIN_URL=mysql://vicidash_admin:$password@127.0.0.1:$port/"
    echo "export TEST_MARIADB_DATA_DIR=$data"
    exit 0
  fi
  sleep 0.1
done
echo "MariaDB did not start within 30 s; its log:" >&2
cat "$dir/error.log" >&2 || true
exit 1
