"""What z2jh's autohttps Traefik does to a request's forwarded headers, in front of configurable-http-proxy in the
real-hub test (no TLS, no ACME: only the headers the login throttle reads).

Traefik v3 (z2jh 4.4.0 pins v3.6), pkg/middlewares/forwardedheaders/forwarded_header.go: from a client that is not in
the entry point's forwardedHeaders.trustedIPs (z2jh configures none, templates/proxy/autohttps/_configmap-traefik.yaml)
it deletes every X-Forwarded-* header and X-Real-Ip, sets X-Real-Ip to the client's address, and its reverse proxy
appends that address to X-Forwarded-For (empty by then). configurable-http-proxy, next, appends Traefik's address.
"""

import asyncio
import threading

import aiohttp
from aiohttp import web

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade", "host", "content-length"}


class TraefikStandIn:
    """An HTTP proxy on 127.0.0.1:`port` to `target`, in a thread of its own. Its own source address towards the
    target is `address` (Traefik's pod address, as configurable-http-proxy sees it)."""

    def __init__(self, port, target, address="127.5.0.1"):
        self.port = port
        self.target = target
        self.address = address
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, name="traefik-standin", daemon=True)

    def __enter__(self):
        self.thread.start()
        if not self.ready.wait(20):
            raise RuntimeError("the Traefik stand-in did not start")
        return self

    def __exit__(self, *exc):
        self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(20)

    def _run(self):
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._serve())

    async def _serve(self):
        self.stop = asyncio.Event()
        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(self.address, 0)),
                                             auto_decompress=False)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._forward)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", self.port).start()
        self.ready.set()
        await self.stop.wait()
        await runner.cleanup()
        await self.session.close()

    async def _forward(self, request):
        client = request.remote
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() not in HOP_BY_HOP and not k.lower().startswith("x-forwarded-")
                   and k.lower() != "x-real-ip"}
        headers.update({"Host": request.host, "X-Real-Ip": client, "X-Forwarded-For": client,
                        "X-Forwarded-Proto": "http", "X-Forwarded-Host": request.host})
        body = await request.read()
        try:
            async with self.session.request(request.method, self.target + request.path_qs, headers=headers,
                                            data=body, allow_redirects=False) as upstream:
                payload = await upstream.read()
                response = web.Response(status=upstream.status, body=payload)
                for k, v in upstream.headers.items():
                    if k.lower() not in HOP_BY_HOP:
                        response.headers.add(k, v)
                return response
        except aiohttp.ClientError:  # the proxy behind is not up yet (the hub is starting)
            return web.Response(status=502, text="Bad Gateway")
