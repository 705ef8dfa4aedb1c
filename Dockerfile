# wasp scan in a container: docker run --rm -v "$PWD:/src" wasp [PATHS...] [OPTIONS]
# Build from the lock (requirements/core.lock) for the tested dependency versions, then wasp itself without deps.
FROM python:3.12-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /build
COPY requirements/core.lock requirements/core.lock
RUN python -m venv /opt/wasp \
    && /opt/wasp/bin/pip install --no-cache-dir -r requirements/core.lock
COPY pyproject.toml README.md ./
COPY src ./src
RUN /opt/wasp/bin/pip install --no-cache-dir --no-deps .

FROM python:3.12-slim
LABEL org.opencontainers.image.title="wasp" \
      org.opencontainers.image.description="Scan IaC against the AWS Well-Architected Security Pillar"
ENV PATH=/opt/wasp/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY --from=build /opt/wasp /opt/wasp
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin wasp
USER 10001
WORKDIR /src
ENTRYPOINT ["wasp", "scan"]
CMD ["."]
