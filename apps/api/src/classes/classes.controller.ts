import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  gradebookCsv,
  type ClassAssignmentView,
  type ClassBoard,
  type ClassInviteView,
  type ClassMemberView,
  type ClassSummary,
  type Gradebook,
  type JoinClassResult,
  type LearnerAttempts,
  type MyAssignmentView,
} from '@questline/contracts';
import { UserRole } from '@questline/data';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { ClassBoardRelay } from './class-board-relay.service';
import { ClassesService } from './classes.service';
import { AddInstructorDto, CreateAssignmentDto, CreateClassDto, CreateInviteDto } from './dto/classes.dto';

/**
 * Classrooms. A class the caller neither belongs to nor administers answers 404; a learner of the class
 * asking for an instructor's view gets 403.
 */
@ApiTags('classes')
@ApiBearerAuth()
@Controller('classes')
export class ClassesController {
  constructor(
    private readonly classes: ClassesService,
    private readonly board: ClassBoardRelay,
  ) {}

  @Post()
  @Roles(UserRole.Instructor)
  @ApiOkResponse({ description: 'The new class; the caller is its owner and first instructor' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateClassDto): Promise<ClassSummary> {
    return this.classes.create(user, body.name, body.timeZone);
  }

  @Get()
  @ApiOkResponse({ description: 'The classes the caller belongs to, with their role in each' })
  list(@CurrentUser() user: AuthUser): Promise<ClassSummary[]> {
    return this.classes.list(user);
  }

  @Post('join/:code')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Joined (or already a member)' })
  @ApiNotFoundResponse({ description: 'Unknown code' })
  async join(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<JoinClassResult> {
    const result = await this.classes.join(user, code);
    if (result.joined) this.board.refresh(result.class.id);
    return result;
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such class, or not a member' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ClassSummary> {
    return this.classes.get(user, id);
  }

  @Get(':id/members')
  @ApiForbiddenResponse({ description: 'Instructors only' })
  members(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ClassMemberView[]> {
    return this.classes.members(user, id);
  }

  @Post(':id/instructors')
  @HttpCode(200)
  @ApiForbiddenResponse({ description: 'The owner only' })
  async addInstructor(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: AddInstructorDto): Promise<ClassMemberView[]> {
    const members = await this.classes.addInstructor(user, id, body.email);
    this.board.refresh(id);
    return members;
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  async removeMember(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    await this.classes.removeMember(user, id, userId);
    this.board.refresh(id);
  }

  @Get(':id/invites')
  invites(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ClassInviteView[]> {
    return this.classes.invites(user, id);
  }

  @Post(':id/invites')
  @ApiOkResponse({ description: 'A new join code (older codes keep working until they expire or are revoked)' })
  createInvite(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: CreateInviteDto): Promise<ClassInviteView> {
    return this.classes.createInvite(user, id, body.expiresInHours);
  }

  @Post(':id/invites/regenerate')
  @ApiOkResponse({ description: 'Revokes every live code of the class and returns a new one' })
  regenerate(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: CreateInviteDto): Promise<ClassInviteView> {
    return this.classes.createInvite(user, id, body.expiresInHours, true);
  }

  @Delete(':id/invites/:code')
  @HttpCode(204)
  revokeInvite(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('code') code: string): Promise<void> {
    return this.classes.revokeInvite(user, id, code);
  }

  @Get(':id/assignments')
  @ApiOkResponse({ description: 'Instructors: every assignment; learners: the opened ones' })
  assignments(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ClassAssignmentView[]> {
    return this.classes.assignments(user, id);
  }

  @Post(':id/assignments')
  async createAssignment(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CreateAssignmentDto,
  ): Promise<ClassAssignmentView> {
    const created = await this.classes.createAssignment(user, id, body);
    this.board.refresh(id);
    return created;
  }

  @Delete(':id/assignments/:assignmentId')
  @HttpCode(204)
  async deleteAssignment(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('assignmentId') assignmentId: string,
  ): Promise<void> {
    await this.classes.deleteAssignment(user, id, assignmentId);
    this.board.refresh(id);
  }

  @Get(':id/board')
  @ApiOkResponse({ description: 'Learners × assigned exercises; then live "class.board.updated" events to the instructors' })
  async getBoard(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ClassBoard> {
    const board = await this.classes.board(user, id);
    await this.board.watch(id);
    return board;
  }

  @Get(':id/board/:userId/:exerciseId')
  @ApiOkResponse({ description: "A learner's attempts on an assigned exercise: code, per-test results, time, hints revealed" })
  attempts(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('userId') userId: string,
    @Param('exerciseId') exerciseId: string,
  ): Promise<LearnerAttempts> {
    return this.classes.learnerAttempts(user, id, userId, exerciseId);
  }

  @Get(':id/gradebook')
  gradebook(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<Gradebook> {
    return this.classes.gradebook(user, id);
  }

  @Get(':id/gradebook.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="gradebook.csv"')
  async gradebookCsv(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<string> {
    return gradebookCsv(await this.classes.gradebook(user, id));
  }
}

@ApiTags('classes')
@ApiBearerAuth()
@Controller('me/assignments')
export class MyAssignmentsController {
  constructor(private readonly classes: ClassesService) {}

  @Get()
  @ApiOkResponse({ description: 'Assigned to me: the opened assignments of every class the caller learns in' })
  mine(@CurrentUser() user: AuthUser): Promise<MyAssignmentView[]> {
    return this.classes.mine(user);
  }
}
