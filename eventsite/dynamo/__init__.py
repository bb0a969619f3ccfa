"""DynamoDB plumbing: settings-driven connection, base model, table specs,
signed pagination cursors, call statistics and the DynamoDB Local runner."""
