# orca-fixture: 3.x sync client and state hooks
# prefect: 3.4.20
from prefect import flow, get_client

def notify(flow, flow_run, state):
    with get_client(sync_client=True) as client:
        client.read_flow_run(flow_run.id)

@flow(on_failure=[notify], retries=1, retry_delay_seconds=10)
def guarded():
    raise ValueError("boom")
