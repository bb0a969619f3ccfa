"""eventsite: a serverless events platform (Django + DRF on PynamoDB/DynamoDB)."""
