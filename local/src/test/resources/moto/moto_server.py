"""moto's server (python3 -m moto.server) with one fix to its SigV4 check, for the moto suite.

moto 5.2.1 rebuilds the request it verifies a signature over from the path and query as the web
server decoded them, while clients sign them percent-encoded: every S3 key with '=', ':', ',',
'@' or '+' (a Hive partition folder 'date=2026-11-20/') fails with SignatureDoesNotMatch, from
boto3 as from the Java SDK, and so does the Java SDK's listing of a prefix with '/'. Path and
query are encoded again as clients encode them (RFC 3986; '/' and '~' kept in the path); nothing
else about authentication or authorization changes.

  moto_server.py -H 127.0.0.1 -p PORT
"""
import sys
import urllib.parse

from moto.iam import access_control
from moto.server import main

_create_aws_request = access_control.IAMRequestBase._create_aws_request


def _encoded(text, safe):
    return urllib.parse.quote(urllib.parse.unquote(text), safe=safe)


def _as_signed(self):
    request = _create_aws_request(self)
    url = urllib.parse.urlsplit(request.url)
    query = "&".join(
        _encoded(key, "-_.~") + ("=" + _encoded(value, "-_.~") if sep else "")
        for key, sep, value in (pair.partition("=") for pair in url.query.split("&") if pair))
    request.url = urllib.parse.urlunsplit(
        url._replace(path=_encoded(url.path, "/~"), query=query))
    return request


access_control.IAMRequestBase._create_aws_request = _as_signed

if __name__ == "__main__":
    main(sys.argv[1:])
