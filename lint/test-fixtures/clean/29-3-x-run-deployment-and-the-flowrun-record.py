# orca-fixture: 3.x run_deployment and the FlowRun record
# prefect: 3.4.20
from prefect import flow
from prefect.deployments import run_deployment

@flow
def trigger():
    flow_run = run_deployment(name="etl/nightly", parameters={"n": 5}, timeout=0, job_variables={"env": {"A": "1"}})
    print(flow_run.id, flow_run.state.name)
    return flow_run.id
