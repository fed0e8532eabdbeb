# orca-fixture: of two names imported together, only the one the release has at the top level moves
# prefect: 2.20.3
# rule: not-yet-available
# lines: 5
from prefect.flow_runs import suspend_flow_run, wait_for_flow_run


async def approve(run_id):
    await wait_for_flow_run(run_id)
    suspend_flow_run(timeout=600)
