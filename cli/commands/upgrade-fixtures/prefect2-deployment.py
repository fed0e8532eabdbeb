# A Prefect 2 deployment script: agent, infrastructure blocks and Deployment.build_from_flow.
from prefect import flow, get_run_logger, task
from prefect.agent import PrefectAgent
from prefect.deployments import Deployment
from prefect.infrastructure import DockerContainer, Process
from prefect.task_runners import ConcurrentTaskRunner


@task
def extract():
    return [1, 2, 3]


@flow(task_runner=ConcurrentTaskRunner())
def etl():
    get_run_logger().info("extracted %s", extract())


if __name__ == "__main__":
    deployment = Deployment.build_from_flow(flow=etl, name="etl", infrastructure=Process())
    deployment.apply()
    agent = PrefectAgent(work_queues=["default"])
    docker = DockerContainer(image="python:3.11")
