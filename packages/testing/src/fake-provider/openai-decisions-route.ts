import { fakeInputTokens } from './fake-tokens.js'
import { fakeUsage } from './fake-usage.js'
import { arrayField, objectField, type JsonObject, type RouteContext, type RouteResult } from './fake-route.js'
import { responseUsage } from './openai-usage.js'

/**
 * `POST /v1/decisions`: one answer per question, of the question's type (a `predicate` with
 * probability 1, the first of a `choice`'s choices, a `score` of 0, its first level). Usage:
 * input = the words of `input` and of each question's `instructions`, output = one token per
 * answer (plus the `setUsage` overrides).
 */
export function decisionsRoute(context: RouteContext): RouteResult {
  const { body } = context
  const questions = arrayField(body.questions).map((question) => objectField(question) ?? {})
  const answers = questions.map(answerOf)
  const inputWords = fakeInputTokens(body.input) + questions.reduce((total, question) => total + fakeInputTokens(question.instructions), 0)
  const usage = fakeUsage(inputWords, answers.length, context.usage)
  return { type: 'json', status: 200, body: { answers, model: body.model, usage: responseUsage(usage) } }
}

function answerOf(question: JsonObject): JsonObject {
  const name = typeof question.name === 'string' ? question.name : null
  if (question.type === 'choice') {
    const choice = objectField(arrayField(question.choices)[0])?.value ?? null
    return { type: 'choice', name, choice, confidence: 1, probabilities: [{ value: choice, probability: 1 }] }
  }
  if (question.type === 'score') {
    const label = objectField(arrayField(question.levels)[0])?.label ?? ''
    return { type: 'score', name, score: 0, confidence: 1, probabilities: [{ label, value: 0, probability: 1 }] }
  }
  return { type: 'predicate', name, probability: 1 }
}
