# orca-fixture: the sync client in a plain with
# prefect: 3.4.20
# rule: missing-async-with
# lines: none
from prefect import get_client


def state(run_id):
    with get_client(sync_client=True) as client:
        return client.read_flow_run(run_id).state
