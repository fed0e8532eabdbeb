# orca-fixture: 2.x run_deployment without waiting
# prefect: 2.20.25
from prefect import flow
from prefect.deployments import run_deployment

@flow
def trigger():
    flow_run = run_deployment(name="etl/nightly", parameters={"n": 5}, timeout=0)
    print(flow_run.id, flow_run.state)
    return flow_run.id
