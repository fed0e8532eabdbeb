# orca-fixture: 2.x Deployment.build_from_flow before its deprecation
# prefect: 2.14.0
from prefect import flow
from prefect.deployments import Deployment

@flow
def hello(name: str = "world"):
    print(f"hello {name}")

deployment = Deployment.build_from_flow(flow=hello, name="hello-deploy", work_queue_name="default")
deployment.apply()
