# orca-fixture: pause_flow_run imported from its 3.x module on a 2.x release that has it at the top level
# prefect: 2.20.3
# rule: not-yet-available
# lines: 6
from prefect import flow
from prefect.flow_runs import pause_flow_run


@flow
def publish_report():
    approved = pause_flow_run(wait_for_input=bool, timeout=3600)
    return approved
