"""Registration mail (seed 004's mailer): registration changes are queued on
SQS and a worker Lambda sends the email through Django's email framework."""
