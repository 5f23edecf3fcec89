"""`make run`: print where the application runs once it answers, not before (the server needs a
moment after the migrations and demo data). Gives up silently when it never answers."""

import sys
import time
import urllib.error
import urllib.request

host, port = sys.argv[1], sys.argv[2]
url = f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/gezondheid/"  # noqa: S104
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own local server
            break
    except urllib.error.HTTPError:
        break  # it answers (even a 503 means the server listens)
    except OSError:
        time.sleep(0.5)
else:
    sys.exit(0)
print(f"\nDe applicatie draait op http://{host}:{port}/ (stoppen met Ctrl+C)\n", flush=True)
