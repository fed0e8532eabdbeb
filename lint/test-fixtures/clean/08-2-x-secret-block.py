# orca-fixture: 2.x Secret block
# prefect: 2.20.25
from prefect import flow
from prefect.blocks.system import Secret

@flow
def uses_secret() -> int:
    token = Secret.load("api-token").get()
    return len(token)
