from prefect.variables import Variable


def base_url():
    host = Variable.get("api_host")
    print(f"calling {host.value}")
    print("host: %s" % host.value)
    return "https://" + host.value + "/v1"
