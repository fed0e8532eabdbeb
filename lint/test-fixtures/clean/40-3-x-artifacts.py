# orca-fixture: 3.x artifacts
# prefect: 3.4.20
from prefect import flow
from prefect.artifacts import create_progress_artifact, create_table_artifact, update_progress_artifact

@flow
def progress():
    artifact_id = create_progress_artifact(progress=0.0, description="loading")
    create_table_artifact(table=[{"rows": 10}], key="load-summary")
    update_progress_artifact(artifact_id=artifact_id, progress=100.0)
