package cn.shequflow.core.inbox;

import java.util.List;

/**
 * What a family wants its open tasks to show in the task list beside 催办 and 退回, read from its
 * own register (never from a process variable): e.g. an incident's traffic light and its urgency.
 * One bean per family that has any; {@link TaskMarksController} asks the one of the task's family.
 */
public interface TaskBadges {

  /** A badge: {@code kind} is its colour class (green, yellow, red, urgent), {@code label} what a person reads. */
  record Badge(String kind, String label) {}

  /** The family key this source answers for. */
  String family();

  /** The badges of the case's open tasks, in the order they are shown; empty for none. */
  List<Badge> of(String businessKey);
}
