from prefect.flow_runs import wait_for_flow_run
from prefect import suspend_flow_run


async def approve(run_id):
    await wait_for_flow_run(run_id)
    suspend_flow_run(timeout=600)
