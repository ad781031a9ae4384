"""/docs works with no network: Swagger UI's assets come from this server, not a CDN."""

from __future__ import annotations

import re

import pytest

from api_fixtures import Server

pytestmark = pytest.mark.server


def test_docs_page_and_assets_are_served_locally(server: Server) -> None:
    with server.client() as client:
        for path in ("/docs", "/redoc"):
            page = client.get(path)
            assert page.status_code == 200
            urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text) + re.findall(r"url: '([^']+)'", page.text)
            assert urls and not [u for u in urls if u.startswith(("http:", "https:", "//"))], (path, urls)
            for url in urls:
                assert client.get(url).status_code == 200, url
            # the assets are fastapi-offline's, served by the package itself (no copy of its pages in this project)
            assert [u for u in urls if u.startswith("/static-offline-docs/")], urls
        assert client.get("/docs-assets/secrets.txt").status_code == 404
