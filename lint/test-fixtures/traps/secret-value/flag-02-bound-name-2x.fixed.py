from prefect import flow
from prefect.blocks.system import Secret


@flow
def call_api():
    token = Secret.load("api-token").get()
    headers = {"Authorization": "Bearer " + token}
    return token == "", headers
