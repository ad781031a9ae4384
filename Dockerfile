# The stancegraph API and CLI in one image (used by docker-compose.yml's `api` service).
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONUNBUFFERED=1 \
    STANCEGRAPH_STORE=/data/store

WORKDIR /app
COPY . /app
RUN pip install -c requirements.lock . && mkdir -p /data /corpus

EXPOSE 8000
VOLUME ["/data"]
CMD ["stancegraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
