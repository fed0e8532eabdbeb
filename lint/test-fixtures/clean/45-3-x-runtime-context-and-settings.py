# orca-fixture: 3.x runtime context and settings
# prefect: 3.8.3
import prefect.runtime
from prefect import flow
from prefect.runtime import flow_run
from prefect.settings import PREFECT_API_URL, temporary_settings

@flow
def where_am_i() -> str:
    print(flow_run.name, prefect.runtime.deployment.id)
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        return str(flow_run.id)
