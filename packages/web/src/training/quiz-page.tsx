import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatDate } from '../format';
import { useSignedIn } from '../session/session-context';
import { useMyTraining } from './service-section';
import { myTrainingKey, ratesKey } from './training-keys';

interface Attempt {
  readonly id: string;
  readonly questions: readonly { readonly id: string; readonly statement: string }[];
}

interface Feedback {
  readonly given: boolean;
  readonly correct: boolean;
  readonly answer: boolean;
  readonly explanation: string;
  readonly basis: string;
  readonly score: number;
  readonly finished: boolean;
}

/** Questions in an attempt, as the server draws them (training/quiz-statements.ts QUIZ_LENGTH). */
const QUIZ_LENGTH = 10;

/**
 * /formation/questionnaire: one statement at a time, VRAI or FAUX, then the explanation. The
 * server holds the answers; the page learns each one only after answering. Keyboard: the two
 * answers are buttons; after an answer the focus moves to the explanation (a screen reader reads
 * it), then « Question suivante » brings it back to the next statement.
 */
export function QuizPage() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const mine = useMyTraining(establishmentId);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [index, setIndex] = useState(0);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [result, setResult] = useState<{ score: number; total: number } | null>(null);
  const statementRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const start = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/training/quiz/attempts', {
          params: { path: { establishmentId } },
        }),
      ),
    onSuccess: (started) => {
      setAttempt(started);
      setIndex(0);
      setFeedback(null);
      setResult(null);
      answer.reset();
    },
  });
  const answer = useMutation({
    mutationFn: (given: { attemptId: string; questionId: string; answer: boolean }) =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/training/quiz/attempts/{attemptId}/answers', {
          params: { path: { establishmentId, attemptId: given.attemptId } },
          body: { questionId: given.questionId, answer: given.answer },
        }),
      ),
    onSuccess: (checked, given) => {
      setFeedback({ ...checked, given: given.answer });
      if (checked.finished) {
        void queryClient.invalidateQueries({ queryKey: myTrainingKey(establishmentId) });
        void queryClient.invalidateQueries({ queryKey: ratesKey(establishmentId) });
      }
    },
  });

  // Focus follows the quiz: the explanation after an answer, the statement after « suivante ».
  useEffect(() => {
    if (feedback !== null) feedbackRef.current?.focus();
  }, [feedback]);
  useEffect(() => {
    if (attempt !== null && feedback === null && result === null) statementRef.current?.focus();
  }, [attempt, feedback, result]);
  useEffect(() => {
    if (result !== null) resultRef.current?.focus();
  }, [result]);

  const question = attempt?.questions[index];
  const total = attempt?.questions.length ?? QUIZ_LENGTH;
  const next = () => {
    if (feedback?.finished) setResult({ score: feedback.score, total });
    else setIndex((current) => current + 1);
    setFeedback(null);
    answer.reset();
  };
  const label = (value: boolean) => (value ? t('training.quiz.true') : t('training.quiz.false'));

  if (result !== null) {
    const ratio = result.score / result.total;
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="quiz-result">
        <Stack gap="sm">
          <Title order={2} id="quiz-result" ref={resultRef} tabIndex={-1}>
            {t('training.quiz.score', result)}
          </Title>
          <Text>
            {ratio >= 0.8
              ? t('training.quiz.scoreGood')
              : ratio >= 0.5
                ? t('training.quiz.scoreMiddle')
                : t('training.quiz.scoreLow')}
          </Text>
          <Button
            onClick={() => start.mutate()}
            loading={start.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('training.quiz.restart')}
          </Button>
          {start.isError ? <ErrorAlert title={t('errors.generic')}>{message(start.error)}</ErrorAlert> : null}
        </Stack>
      </Paper>
    );
  }

  if (attempt === null || question === undefined) {
    const last = mine.data?.quiz ?? null;
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="quiz-heading">
        <Stack gap="sm">
          <Title order={2} id="quiz-heading">
            {t('training.quiz.heading')}
          </Title>
          <Text>{t('training.quiz.intro', { count: QUIZ_LENGTH })}</Text>
          {last !== null ? (
            <Text fw={600}>
              {t('training.quiz.last', {
                score: last.score,
                total: last.total,
                date: formatDate(last.takenAt, i18n.language),
              })}
            </Text>
          ) : null}
          <Button
            onClick={() => start.mutate()}
            loading={start.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {last === null ? t('training.quiz.start') : t('training.quiz.restart')}
          </Button>
          {start.isError ? <ErrorAlert title={t('errors.generic')}>{message(start.error)}</ErrorAlert> : null}
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="quiz-statement">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={600} id="quiz-progress">
            {t('training.quiz.progress', { current: index + 1, total })}
          </Text>
          <Progress.Root size="sm">
            <Progress.Section
              value={((index + (feedback === null ? 0 : 1)) / total) * 100}
              aria-label={t('training.quiz.progress', { current: index + 1, total })}
            />
          </Progress.Root>
        </Stack>
        <Title order={2} size="h3" id="quiz-statement" ref={statementRef} tabIndex={-1}>
          « {question.statement} »
        </Title>
        <Group gap="sm" role="group" aria-label={t('training.quiz.answerGroup')} grow wrap="nowrap">
          {[true, false].map((value) => (
            <Button
              key={String(value)}
              size="lg"
              variant={feedback?.given === value ? 'filled' : 'outline'}
              color={value ? 'teal.9' : 'red.9'}
              aria-pressed={feedback === null ? undefined : feedback.given === value}
              disabled={feedback !== null || answer.isPending}
              onClick={() => answer.mutate({ attemptId: attempt.id, questionId: question.id, answer: value })}
            >
              {label(value)}
            </Button>
          ))}
        </Group>
        {feedback !== null ? (
          <Alert
            ref={feedbackRef}
            tabIndex={-1}
            color={feedback.correct ? 'teal' : 'orange'}
            title={feedback.correct ? t('training.quiz.correct') : t('training.quiz.wrong')}
            // Darker than Mantine's title colours, which measure under 4.5:1 on their light fills.
            styles={{
              title: { color: feedback.correct ? '#05563f' : '#8a3500' },
              label: { color: feedback.correct ? '#05563f' : '#8a3500' },
            }}
            data-testid="quiz-feedback"
          >
            <Stack gap={6}>
              <Text fw={600}>
                {t('training.quiz.youAnswered', { answer: label(feedback.given) })}{' '}
                {t('training.quiz.answerWas', { answer: label(feedback.answer) })}
              </Text>
              <Text>{feedback.explanation}</Text>
              <Text size="sm" c="dark.4">
                {t('training.quiz.basis', { basis: feedback.basis })}
              </Text>
            </Stack>
          </Alert>
        ) : null}
        {feedback !== null ? (
          <Button onClick={next} style={{ alignSelf: 'flex-start' }}>
            {feedback.finished ? t('training.quiz.finish') : t('training.quiz.next')}
          </Button>
        ) : null}
        {answer.isError ? (
          <Stack gap="xs">
            <ErrorAlert title={t('errors.generic')}>{message(answer.error)}</ErrorAlert>
            <Button variant="outline" onClick={() => start.mutate()} style={{ alignSelf: 'flex-start' }}>
              {t('training.quiz.restart')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
