# orca-fixture: 3.x sync flow bridging to an async-only helper
# prefect: 3.6.2
import asyncio
from prefect import flow, pause_flow_run, task
from prefect.deployments import run_deployment
from prefect.flow_runs import wait_for_flow_run

@task
def prepare() -> int:
    return 1

@flow
def release():
    prepare()
    pause_flow_run(timeout=600)
    run = run_deployment("child/prod", timeout=0)
    finished = asyncio.run(wait_for_flow_run(run.id))
    return finished.state
