#!/usr/bin/env bash
# Stands in for terraform in the run tests: prints what terraform 1.11.4 prints for a terraform_data resource
# (init's text, apply/destroy -json UI lines, output -json), and really writes the state to the State service's
# http backend with the job's credentials (lock, POST ?ID=, unlock), as Terraform does.
# Behaviour is chosen by the configuration rendered into main.tf:
#   "gate" = true  writes the job token to ./job-token, then waits for ./gate-open before applying;
#   "fail" = true  makes apply fail with an error diagnostic and exit code 1.
set -euo pipefail

command=${1:-}
gate=false
fail=false
grep -q '"gate" = true' main.tf && gate=true
grep -q '"fail" = true' main.tf && fail=true
auth=(--silent --show-error --fail --user "job:${TF_HTTP_PASSWORD}")
resource='{"addr":"terraform_data.this","module":"","resource":"terraform_data.this","implied_provider":"terraform","resource_type":"terraform_data","resource_name":"this","resource_key":null}'
id=5c16def6-ec64-8e25-d0c0-e92d0179106f

write_state() { # $1: resources JSON array, $2: outputs JSON object
    local current lineage serial lock_id info
    current=$(curl "${auth[@]}" "$TF_HTTP_ADDRESS" || true)
    if [[ $current =~ \"lineage\":\ *\"([^\"]+)\" ]]; then lineage=${BASH_REMATCH[1]}; else lineage=$(cat /proc/sys/kernel/random/uuid); fi
    if [[ $current =~ \"serial\":\ *([0-9]+) ]]; then serial=$((BASH_REMATCH[1] + 1)); else serial=1; fi
    lock_id=$(cat /proc/sys/kernel/random/uuid)
    info="{\"ID\":\"$lock_id\",\"Operation\":\"OperationTypeApply\",\"Info\":\"\",\"Who\":\"standin@test\",\"Version\":\"1.11.4\",\"Created\":\"2026-11-22T15:55:13.830157Z\",\"Path\":\"\"}"
    printf '{"version":4,"terraform_version":"1.11.4","serial":%s,"lineage":"%s","outputs":%s,"resources":%s,"check_results":null}' \
        "$serial" "$lineage" "$2" "$1" > state.json
    curl "${auth[@]}" --request LOCK --data-binary "$info" --output /dev/null "$TF_HTTP_LOCK_ADDRESS"
    curl "${auth[@]}" --request POST --header 'Content-Type: application/json' --data-binary @state.json --output /dev/null "$TF_HTTP_ADDRESS?ID=$lock_id"
    curl "${auth[@]}" --request UNLOCK --data-binary "$info" --output /dev/null "$TF_HTTP_UNLOCK_ADDRESS"
}

case "$command" in
init)
    echo "Initializing the backend..."
    echo
    echo "Successfully configured the backend \"http\"! Terraform will automatically"
    echo "use this backend unless the backend configuration changes."
    echo "Initializing provider plugins..."
    echo "- terraform.io/builtin/terraform is built in to Terraform"
    echo
    echo "Terraform has been successfully initialized!"
    ;;
apply)
    echo '{"@level":"info","@message":"Terraform 1.11.4","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.830157Z","terraform":"1.11.4","type":"version","ui":"1.2"}'
    echo '{"@level":"info","@message":"terraform_data.this: Plan to create","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.845391Z","change":{"resource":'"$resource"',"action":"create"},"type":"planned_change"}'
    if $gate; then
        printf '%s' "$TF_HTTP_PASSWORD" > job-token
        for _ in $(seq 1 1200); do [[ -e gate-open ]] && break; sleep 0.05; done
        [[ -e gate-open ]] || { echo "stand-in: gate-open never appeared" >&2; exit 3; }
    fi
    if $fail; then
        echo '{"@level":"error","@message":"Error: creating terraform_data: quota exceeded","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:16.577582Z","diagnostic":{"severity":"error","summary":"creating terraform_data: quota exceeded","detail":"","address":"terraform_data.this","range":{"filename":"main.tf","start":{"line":14,"column":1,"byte":380},"end":{"line":14,"column":33,"byte":412}},"snippet":{"context":null,"code":"resource \"terraform_data\" \"this\" {","start_line":14,"highlight_start_offset":0,"highlight_end_offset":32,"values":[]}},"type":"diagnostic"}'
        exit 1
    fi
    echo '{"@level":"info","@message":"Plan: 1 to add, 0 to change, 0 to destroy.","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.845523Z","changes":{"add":1,"change":0,"import":0,"remove":0,"operation":"plan"},"type":"change_summary"}'
    echo '{"@level":"info","@message":"terraform_data.this: Creating...","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.852075Z","hook":{"resource":'"$resource"',"action":"create"},"type":"apply_start"}'
    write_state '[{"mode":"managed","type":"terraform_data","name":"this","provider":"provider[\"terraform.io/builtin/terraform\"]","instances":[{"schema_version":0,"attributes":{"id":"'"$id"'","input":null,"output":null,"triggers_replace":null},"sensitive_attributes":[]}]}]' \
        '{"id":{"value":"'"$id"'","type":"string"},"secret":{"value":"hunter2","type":"string","sensitive":true}}'
    echo '{"@level":"info","@message":"terraform_data.this: Creation complete after 0s [id='"$id"']","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.852677Z","hook":{"resource":'"$resource"',"action":"create","id_key":"id","id_value":"'"$id"'","elapsed_seconds":0},"type":"apply_complete"}'
    echo '{"@level":"info","@message":"Apply complete! Resources: 1 added, 0 changed, 0 destroyed.","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.856793Z","changes":{"add":1,"change":0,"import":0,"remove":0,"operation":"apply"},"type":"change_summary"}'
    echo '{"@level":"info","@message":"Outputs: 2","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.856894Z","outputs":{"id":{"sensitive":false,"type":"string","value":"'"$id"'"},"secret":{"sensitive":true,"type":"string"}},"type":"outputs"}'
    ;;
destroy)
    echo '{"@level":"info","@message":"Terraform 1.11.4","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.965848Z","terraform":"1.11.4","type":"version","ui":"1.2"}'
    echo '{"@level":"info","@message":"terraform_data.this: Refreshing state... [id='"$id"']","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.971994Z","hook":{"resource":'"$resource"',"id_key":"id","id_value":"'"$id"'"},"type":"refresh_start"}'
    echo '{"@level":"info","@message":"Plan: 0 to add, 0 to change, 1 to destroy.","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.977079Z","changes":{"add":0,"change":0,"import":0,"remove":1,"operation":"plan"},"type":"change_summary"}'
    echo '{"@level":"info","@message":"terraform_data.this: Destroying... [id='"$id"']","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.979168Z","hook":{"resource":'"$resource"',"action":"delete","id_key":"id","id_value":"'"$id"'"},"type":"apply_start"}'
    write_state '[]' '{}'
    echo '{"@level":"info","@message":"terraform_data.this: Destruction complete after 0s","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.979297Z","hook":{"resource":'"$resource"',"action":"delete","elapsed_seconds":0},"type":"apply_complete"}'
    echo '{"@level":"info","@message":"Destroy complete! Resources: 1 destroyed.","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.983091Z","changes":{"add":0,"change":0,"import":0,"remove":1,"operation":"destroy"},"type":"change_summary"}'
    ;;
output)
    cat <<JSON
{
  "id": {
    "sensitive": false,
    "type": "string",
    "value": "$id"
  },
  "secret": {
    "sensitive": true,
    "type": "string",
    "value": "hunter2"
  }
}
JSON
    ;;
*)
    echo "stand-in: unsupported command '$command'" >&2
    exit 2
    ;;
esac
