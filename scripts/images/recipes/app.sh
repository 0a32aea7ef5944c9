# shellcheck shell=bash
# rxcharm/vote, rxcharm/worker, rxcharm/result: rxcharm/node plus one esbuild bundle at
# /app/<name>.js. `docker build` with the classic builder adds that file as a single small layer on
# top of the local rxcharm/node image (no registry is contacted: the base image is already present).
# The input hash is the bundle's content plus the node image's own hash, so a changed workload
# source or a rebuilt node image rebuilds the app image and nothing else.

WORKLOAD_DIR=$REPO_DIR/charms/voting-app/workload

# bundle_app NAME OUTFILE: esbuild the workload's entry point into one self-contained file.
bundle_app() {
  local name=$1 out=$2
  [ -f "$WORKLOAD_DIR/$name/main.ts" ] || die "workload source $WORKLOAD_DIR/$name/main.ts is missing"
  node "$IMAGES_DIR/bundle-workload.mjs" "$WORKLOAD_DIR/$name/main.ts" "$out" ||
    die "bundling $name failed (run 'npm ci' in $REPO_DIR so esbuild and pg are installed)"
}

# sha_app NAME BUNDLE: hash of the bundle and of the base image it will sit on.
sha_app() {
  local name=$1 bundle=$2
  hash_inputs "$IMAGES_DIR/recipes/app.sh" "$bundle" "app=$name" "node-image=$(image_sha rxcharm/node)"
}

# app_port NAME: the port the workload listens on (see charms/voting-app/workload/README.md).
app_port() {
  case "$1" in vote | result) echo 80 ;; *) echo "" ;; esac
}

build_app() {
  local name=$1 bundle=$2 sha=$3 ctx=$4 port
  port=$(app_port "$name")
  mkdir -p "$ctx"
  cp "$bundle" "$ctx/$name.js"
  {
    echo "FROM rxcharm/node:latest"
    echo "COPY $name.js /app/$name.js"
    [ -z "$port" ] || echo "EXPOSE $port"
    echo "ENV RXCHARM_APP=$name"
    echo "USER node"
    echo "ENTRYPOINT [\"/usr/bin/node\", \"/app/$name.js\"]"
    echo "CMD []"
  } >"$ctx/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q \
    --label "rxcharm.image-source-sha=$sha" \
    --label "org.opencontainers.image.source=rxcharm/charms/voting-app/workload/$name" \
    -t "rxcharm/$name:latest" "$ctx" >"$ctx.log" 2>&1 || {
    cat "$ctx.log" >&2
    die "docker build of rxcharm/$name failed"
  }
}
