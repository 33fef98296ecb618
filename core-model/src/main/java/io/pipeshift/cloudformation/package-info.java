/**
 * CloudFormation and SAM templates (JSON or YAML) as inputs: finds the workflow definition a resource
 * embeds (object, JSON string, Fn::Sub, Fn::Join) and resolves what can be resolved offline. Each importer
 * names its own resource type; nothing here knows ASL or SageMaker.
 */
package io.pipeshift.cloudformation;
