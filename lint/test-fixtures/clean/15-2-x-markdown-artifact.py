# orca-fixture: 2.x markdown artifact
# prefect: 2.20.25
from prefect import flow
from prefect.artifacts import create_markdown_artifact

@flow
def report():
    create_markdown_artifact(markdown="# Daily report", key="daily-report", description="rows loaded")
