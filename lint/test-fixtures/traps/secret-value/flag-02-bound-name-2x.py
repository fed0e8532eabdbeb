# orca-fixture: a 2.x Secret block bound to a name, its .value joined and compared
# prefect: 2.20.3
# rule: record-used-as-value
# lines: 12 13
from prefect import flow
from prefect.blocks.system import Secret


@flow
def call_api():
    token = Secret.load("api-token").value
    headers = {"Authorization": "Bearer " + token}
    return token == "", headers
