import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { ClassBoardRelay } from './class-board-relay.service';
import { ClassesController, MyAssignmentsController } from './classes.controller';
import { ClassesService } from './classes.service';

/** Classrooms (issue 15): classes, invites, assignments, the live board, the gradebook. docs/classrooms.md */
@Module({
  imports: [LiveModule],
  controllers: [ClassesController, MyAssignmentsController],
  providers: [ClassesService, ClassBoardRelay],
  exports: [ClassesService],
})
export class ClassesModule {}
