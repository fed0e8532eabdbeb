# orca-fixture: a flow given one failure hook, not a list of them
# prefect: 3.2.0
# rule: hook-not-a-list
# lines: 12
from prefect import flow


def cleanup(flow, flow_run, state):
    print("dropping temp tables")


@flow(on_failure=cleanup)
def ingest():
    pass
