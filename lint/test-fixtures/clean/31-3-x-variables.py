# orca-fixture: 3.x Variables
# prefect: 3.4.20
from prefect import flow
from prefect.variables import Variable

@flow
def configured() -> int:
    Variable.set("threshold", 10, overwrite=True)
    return Variable.get("threshold", default=5)
