# orca-fixture: .wait() on FlowRun records from a list literal of run_deployment calls (2.x)
# prefect: 2.20.25
# rule: unknown-attribute
# lines: 16
from prefect import flow
from prefect.deployments import run_deployment


@flow
def fan_out():
    runs = [
        run_deployment(name="etl/daily", timeout=0),
        run_deployment(name="etl/hourly", timeout=0),
    ]
    for run in runs:
        run.wait()
