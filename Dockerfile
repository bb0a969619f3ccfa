# eventsite: one container image for every Lambda (AWS Lambda Python 3.11, ARM64).
#   API (default):        eventsite.lambda_handler.handler
#   calendar refresh:     eventsite.lambda_handler.calendar_refresh_handler
#   notification worker:  eventsite.notifications.worker.handler
# The infrastructure programs pick the handler per function with the image CMD.
FROM public.ecr.aws/lambda/python:3.11-arm64

# Runtime dependencies only (pyproject's [project].dependencies, no dev/infra extras),
# installed together with the eventsite and registrations packages into the task root.
COPY pyproject.toml README.md /tmp/build/
COPY eventsite /tmp/build/eventsite
COPY registrations /tmp/build/registrations
RUN pip install --no-cache-dir --target "${LAMBDA_TASK_ROOT}" /tmp/build && rm -rf /tmp/build

ENV DJANGO_SETTINGS_MODULE=eventsite.settings \
    EVENTSITE_STATE_DIR=/tmp/eventsite \
    AWS_EC2_METADATA_DISABLED=false

CMD ["eventsite.lambda_handler.handler"]
