#!/usr/bin/env bash
# Regenerate the committed Terraform plan JSON fixtures (tests never run Terraform themselves).
# Needs terraform and the AWS provider; works offline with a filesystem mirror:
#   TF_PLUGIN_MIRROR=/opt/tf-plugins scripts/plan-fixtures.sh
set -euo pipefail
mirror="${TF_PLUGIN_MIRROR:-/opt/tf-plugins}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/tfrc" <<RC
provider_installation {
  filesystem_mirror {
    path = "$mirror"
  }
}
RC
export TF_CLI_CONFIG_FILE="$work/tfrc" CHECKPOINT_DISABLE=1
for plan in $(find tests/fixtures -name plan.json -path '*terraform*' | sort); do
  dir="$(dirname "$plan")"
  export TF_DATA_DIR="$work/data-$(echo "$dir" | tr / _)"
  (cd "$dir" && terraform init -input=false -lockfile=readonly >/dev/null 2>&1 || terraform init -input=false >/dev/null)
  (cd "$dir" && terraform plan -refresh=false -input=false -lock=false -out="$work/p" >/dev/null \
    && terraform show -json "$work/p") \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("timestamp",None); json.dump(d,sys.stdout,indent=1,sort_keys=True); print()' > "$plan.new"
  mv "$plan.new" "$plan"
  rm -f "$dir/.terraform.lock.hcl"
  echo "wrote $plan"
done
