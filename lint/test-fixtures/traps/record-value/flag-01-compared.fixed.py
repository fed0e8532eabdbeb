from prefect import flow
from prefect.variables import Variable


@flow
def deploy():
    env = Variable.get("environment")
    if env.value == "prod":
        print("deploying to production")
