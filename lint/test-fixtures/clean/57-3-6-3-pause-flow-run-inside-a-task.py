# orca-fixture: 3.6.3+ pause_flow_run inside a task
# prefect: 3.6.3
from prefect import flow, pause_flow_run, task

@task
def approve():
    pause_flow_run(timeout=600)

@flow
def release():
    approve()
