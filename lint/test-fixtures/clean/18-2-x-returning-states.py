# orca-fixture: 2.x returning states
# prefect: 2.20.25
from prefect import flow
from prefect.states import Completed, Failed

@flow
def decide(ok: bool):
    if ok:
        return Completed(message="all good")
    return Failed(message="something broke")
