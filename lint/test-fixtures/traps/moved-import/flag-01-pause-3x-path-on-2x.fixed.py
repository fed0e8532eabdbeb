from prefect import flow
from prefect import pause_flow_run


@flow
def publish_report():
    approved = pause_flow_run(wait_for_input=bool, timeout=3600)
    return approved
