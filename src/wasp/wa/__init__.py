"""Round trip with the AWS Well-Architected Tool: export a review's Security Pillar answers, import people's
answers back as attestations, list workloads, and write the improvement plan in the Jira connector's layout.

Every boto3 client is created inside a function (wasp.wa.client); nothing here touches the network on import.
"""
