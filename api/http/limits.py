"""Request body limits, as plain ASGI middleware (before any body is read or parsed): a size limit and a read
timeout."""

from __future__ import annotations

import asyncio
from typing import Any

from ...graph.model.errors import BodyTimeout, PayloadTooLarge

Scope = dict[str, Any]


class BodySizeLimit:
    """Refuse bodies over `max_bytes` with 413: at once from Content-Length, or while streaming, when the
    limit is passed (the rest is not read). A body that stops arriving for `timeout` seconds (a client that
    declared more than it sends) gets 408 instead of holding the request open for ever."""

    def __init__(self, app: Any, *, max_bytes: int, timeout: float | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > limit:
                    await self._refuse(scope, send)
                    return
        seen = 0
        body_done = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal seen, body_done
            if body_done or self.timeout is None:  # (after the body, receive() waits for a disconnect: no limit)
                message: dict[str, Any] = await receive()
            else:
                try:
                    message = await asyncio.wait_for(receive(), self.timeout)
                except asyncio.TimeoutError:
                    raise BodyTimeout(f"the request body stopped arriving: nothing for {self.timeout:g} s "
                                      "(setting body_timeout)") from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise PayloadTooLarge(self._message())
                body_done = not message.get("more_body", False)
            else:
                body_done = True
            return message

        await self.app(scope, limited_receive, send)

    def _message(self) -> str:
        return f"the request body is larger than the limit of {self.max_bytes // (1024 * 1024)} MB (setting upload_limit_mb)"

    async def _refuse(self, scope: Scope, send: Any) -> None:
        from .problems import PROBLEM_BASE, problem_response

        response = problem_response(413, PayloadTooLarge.title, self._message(), type_=PROBLEM_BASE + "payload-too-large",
                                    instance=scope.get("path"), headers={"Connection": "close"})

        async def drain() -> dict[str, Any]:  # pragma: no cover - the response does not read the body
            return {"type": "http.disconnect"}

        await response(scope, drain, send)
