# orca-fixture: a sync-compatible async def called outside a with item
# prefect: 3.4.20
# rule: missing-async-with
# lines: none
from prefect import flow
from prefect.deployments import run_deployment

@flow
def parent():
    with open("runs.txt", "a") as log:
        log.write(str(run_deployment("etl/prod").id))
