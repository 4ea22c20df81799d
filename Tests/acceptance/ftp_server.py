"""A pyftpdlib server for test_publish.py: one user with a password, home = the given folder,
on 127.0.0.1 only; with a certificate, explicit FTPS with TLS required on control and data.
Usage: ftp_server.py PORT HOME PASSWORD [CERTFILE]; FTP_PERM sets pyftpdlib's permissions
(default elradfmwMT: every one; without d, the user may not delete)."""

import os
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.servers import FTPServer


def main() -> None:
    port, home, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    authorizer = DummyAuthorizer()
    authorizer.add_user("editor", password, home, perm=os.environ.get("FTP_PERM", "elradfmwMT"))
    if len(sys.argv) > 4:
        from pyftpdlib.handlers import TLS_FTPHandler as Handler

        Handler.certfile = sys.argv[4]
        Handler.tls_control_required = True
        Handler.tls_data_required = True
    else:
        from pyftpdlib.handlers import FTPHandler as Handler
    Handler.authorizer = authorizer
    Handler.passive_ports = range(port + 1, port + 50)
    server = FTPServer(("127.0.0.1", port), Handler)
    server.serve_forever(timeout=0.5)


if __name__ == "__main__":
    main()
