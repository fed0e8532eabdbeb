# orca-fixture: 2.x Variable.get returns a Variable
# prefect: 2.19.0
from prefect import flow
from prefect.variables import Variable

@flow
def configured() -> str:
    region = Variable.get("region")
    return region.value if region else "us-east-1"
