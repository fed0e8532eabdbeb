# orca-fixture: 3.x pause_flow_run
# prefect: 3.8.3
from prefect import flow
from prefect.flow_runs import pause_flow_run

@flow
def approval():
    pause_flow_run(timeout=600)
    return "approved"
