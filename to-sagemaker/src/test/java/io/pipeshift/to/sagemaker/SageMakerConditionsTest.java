package io.pipeshift.to.sagemaker;

import static io.pipeshift.to.sagemaker.Fixtures.at;
import static io.pipeshift.to.sagemaker.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every IR condition type becomes SageMaker conditions that mean the same (the top-level list is "all"). */
class SageMakerConditionsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{eq: [{param: N}, 3]}|[{'Type':'Equals','LeftValue':{'Get':'Parameters.N'},'RightValue':3}]",
      "{gt: [{param: N}, 3]}|[{'Type':'GreaterThan','LeftValue':{'Get':'Parameters.N'},'RightValue':3}]",
      "{gte: [{param: N}, 3]}|[{'Type':'GreaterThanOrEqualTo','LeftValue':{'Get':'Parameters.N'},'RightValue':3}]",
      "{lt: [{param: N}, 3]}|[{'Type':'LessThan','LeftValue':{'Get':'Parameters.N'},'RightValue':3}]",
      "{lte: [{param: N}, 3]}|[{'Type':'LessThanOrEqualTo','LeftValue':{'Get':'Parameters.N'},'RightValue':3}]",
      "{in: {value: {param: S}, values: [a, b]}}|[{'Type':'In','QueryValue':{'Get':'Parameters.S'},'Values':['a','b']}]",
      "{not: {eq: [{param: S}, a]}}|[{'Type':'Not','Condition':{'Type':'Equals','LeftValue':{'Get':'Parameters.S'},'RightValue':'a'}}]",
      "{any: [{eq: [{param: S}, a]}, {lt: [{param: N}, 1]}]}|[{'Type':'Or','Conditions':[{'Type':'Equals','LeftValue':{'Get':'Parameters.S'},'RightValue':'a'},{'Type':'LessThan','LeftValue':{'Get':'Parameters.N'},'RightValue':1}]}]",
      "{all: [{eq: [{param: S}, a]}, {lt: [{param: N}, 1]}]}|[{'Type':'Equals','LeftValue':{'Get':'Parameters.S'},'RightValue':'a'},{'Type':'LessThan','LeftValue':{'Get':'Parameters.N'},'RightValue':1}]",
      "{not: {all: [{eq: [{param: S}, a]}, {lt: [{param: N}, 1]}]}}|[{'Type':'Or','Conditions':[{'Type':'Not','Condition':{'Type':'Equals','LeftValue':{'Get':'Parameters.S'},'RightValue':'a'}},{'Type':'Not','Condition':{'Type':'LessThan','LeftValue':{'Get':'Parameters.N'},'RightValue':1}}]}]",
      "{not: {any: [{eq: [{param: S}, a]}, {lt: [{param: N}, 1]}]}}|[{'Type':'Not','Condition':{'Type':'Equals','LeftValue':{'Get':'Parameters.S'},'RightValue':'a'}},{'Type':'Not','Condition':{'Type':'LessThan','LeftValue':{'Get':'Parameters.N'},'RightValue':1}}]",
      "{any: [{eq: [{param: S}, a]}, {all: [{lt: [{param: N}, 1]}, {gt: [{param: N}, 0]}]}]}|[{'Type':'Or','Conditions':[{'Type':'Equals','LeftValue':{'Get':'Parameters.S'},'RightValue':'a'},{'Type':'LessThan','LeftValue':{'Get':'Parameters.N'},'RightValue':1}]},{'Type':'Or','Conditions':[{'Type':'Equals','LeftValue':{'Get':'Parameters.S'},'RightValue':'a'},{'Type':'GreaterThan','LeftValue':{'Get':'Parameters.N'},'RightValue':0}]}]",
      "{gte: [{property: {step: eval, file: metrics, path: a.b}}, 0.5]}|[{'Type':'GreaterThanOrEqualTo','LeftValue':{'Std:JsonGet':{'PropertyFile':{'Get':'Steps.eval.PropertyFiles.metrics'},'Path':'a.b'}},'RightValue':0.5}]",
  })
  void conditionTypeBecomesTheSameSageMakerConditions(String when, String expected) {
    Map<String, Object> gate = Fixtures.steps(Fixtures.write(Fixtures.yaml("""
        parameters:
          - {name: N, type: integer, default: 1}
          - {name: S, type: string, default: a}
        steps:
          - id: eval
            kind: processing
            image: i:1
            instanceType: ml.m5.large
            outputs: [{name: out, source: /opt/ml/processing/out, destination: s3://b/out}]
            propertyFiles: [{name: metrics, output: out, path: m.json}]
            role: arn:aws:iam::123456789012:role/Role
          - id: gate
            kind: condition
            after: [eval]
            branches:
              - when: %s
                steps:
                  - {id: ok, kind: fail, message: ok}
        """.formatted(when))).artifact()).get("gate");
    assertEquals(expected.replace('\'', '"'), json(at(gate, "Arguments.Conditions")));
  }
}
